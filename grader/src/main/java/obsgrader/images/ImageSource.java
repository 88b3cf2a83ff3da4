package obsgrader.images;

import java.util.Set;

/**
 * Makes the images a stack names available before it boots, and says which cannot be had. The real one is
 * {@link StandInImages}; a boot's unit test says which are unavailable without an engine or a registry.
 */
@FunctionalInterface
public interface ImageSource {
    StandInImages.Outcome ensure(Set<String> images);
}

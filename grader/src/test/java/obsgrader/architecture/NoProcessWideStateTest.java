package obsgrader.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A run owns its state: no class of the grader or its scenarios (main code) keeps a static field that can change,
 * neither a non-final one nor a final one holding a mutable collection, map, atomic or array. Two runs in one JVM
 * (a class graded two at a time, the self-tests) would otherwise reach each other.
 */
class NoProcessWideStateTest {
    @Test
    void mainCodeHasNoStaticMutableField() throws Exception {
        List<String> found = new ArrayList<>();
        for (Class<?> type : mainClasses()) {
            for (Field field : type.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (!Modifier.isStatic(modifiers) || field.isSynthetic() || field.isEnumConstant()) {
                    continue;
                }
                if (!Modifier.isFinal(modifiers)) {
                    found.add(type.getName() + "." + field.getName() + " is not final");
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(null);
                if (mutable(value)) {
                    found.add(type.getName() + "." + field.getName() + " holds a mutable " + value.getClass().getName());
                }
            }
        }
        assertThat(found).isEmpty();
    }

    private static boolean mutable(Object value) {
        if (value == null) {
            return false;
        }
        String name = value.getClass().getName();
        if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return !name.startsWith("java.util.ImmutableCollections") && !name.startsWith("java.util.Collections$Unmodifiable")
                    && !name.startsWith("java.util.Collections$Empty") && !name.startsWith("java.util.Collections$Singleton")
                    && !(value instanceof Collection<?> c && c.getClass() == Collections.emptyList().getClass());
        }
        return value.getClass().isArray() && java.lang.reflect.Array.getLength(value) > 0
                || name.startsWith("java.util.concurrent.atomic.");
    }

    /** Every class of the {@code obsgrader} packages on the class path that is not a test's. */
    private static List<Class<?>> mainClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        List<Class<?>> classes = new ArrayList<>();
        for (URL root : Collections.list(NoProcessWideStateTest.class.getClassLoader().getResources("obsgrader"))) {
            URI uri = root.toURI();
            if (uri.getPath() != null && uri.getPath().contains("test-classes")) {
                continue;
            }
            try (FileSystem jar = "jar".equals(uri.getScheme()) ? FileSystems.newFileSystem(uri, Map.of()) : null) {
                Path folder = jar == null ? Path.of(uri) : jar.provider().getPath(uri);
                Path base = folder.getParent();
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        String name = base.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                        classes.add(Class.forName(name, false, NoProcessWideStateTest.class.getClassLoader()));
                    }
                }
            }
        }
        assertThat(classes).as("the grader's and the scenarios' classes").hasSizeGreaterThan(100)
                .anyMatch(type -> type.getPackageName().equals("obsgrader.scenarios"));
        return classes;
    }
}

package obsgrader.scenarios;

import java.util.Map;
import java.util.TreeMap;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.Preferences;
import java.util.prefs.PreferencesFactory;

/**
 * Java Preferences that live in this JVM's memory and are never written anywhere. Gatling keeps its check for a
 * newer release in the user's Preferences ({@code ~/.java/.userPrefs}), which outlive the JVM; the grader's record
 * that switches the check off ({@link GatlingInternals#skipReleaseCheck}) must not. Installed as the JVM's
 * Preferences by {@code META-INF/services/java.util.prefs.PreferencesFactory}, which {@link Preferences} reads
 * before the platform's default: no system property, nothing written in the user's home.
 */
final class InMemoryPreferences extends AbstractPreferences {
    private final Map<String, String> values = new TreeMap<>();
    private final Map<String, InMemoryPreferences> children = new TreeMap<>();

    private InMemoryPreferences(InMemoryPreferences parent, String name) {
        super(parent, name);
    }

    /** The JVM's Preferences, in memory: one user root and one system root for the factory's (the JVM's) life. */
    public static final class Factory implements PreferencesFactory {
        private final Preferences user = new InMemoryPreferences(null, "");
        private final Preferences system = new InMemoryPreferences(null, "");

        @Override
        public Preferences userRoot() {
            return user;
        }

        @Override
        public Preferences systemRoot() {
            return system;
        }
    }

    @Override
    protected void putSpi(String key, String value) {
        values.put(key, value);
    }

    @Override
    protected String getSpi(String key) {
        return values.get(key);
    }

    @Override
    protected void removeSpi(String key) {
        values.remove(key);
    }

    @Override
    protected void removeNodeSpi() {
        ((InMemoryPreferences) parent()).children.remove(name());
    }

    @Override
    protected String[] keysSpi() {
        return values.keySet().toArray(String[]::new);
    }

    @Override
    protected String[] childrenNamesSpi() {
        return children.keySet().toArray(String[]::new);
    }

    @Override
    protected AbstractPreferences childSpi(String name) {
        return children.computeIfAbsent(name, child -> new InMemoryPreferences(this, child));
    }

    @Override
    protected void syncSpi() {
        // nothing to read from: memory only
    }

    @Override
    protected void flushSpi() {
        // nothing to write to: memory only
    }
}

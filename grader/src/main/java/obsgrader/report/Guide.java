package obsgrader.report;

import obsgrader.i18n.Messages;

/**
 * The marking guide's section of a rubric line, in the run's language: {@code docs/marking-guide.fr.md#alerts.coverage}.
 * The guide (one section per check id, its anchor the id) is what a teacher signs; every verdict names its section.
 */
public final class Guide {
    private Guide() {
    }

    public static String section(String checkId, Messages messages) {
        return "docs/marking-guide." + messages.language() + ".md#" + checkId;
    }
}

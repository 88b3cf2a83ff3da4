package obsgrader.stack;

/**
 * What each service of a submission may use on the shared grading machine ({@code -Dgrader.memory},
 * {@code -Dgrader.cpus}, {@code -Dgrader.pids}, {@code -Dgrader.log-size}, read with the run's settings): enough
 * for the lab's services, too little to hurt the host.
 */
public record Limits(String memory, double cpus, int pids, String logSize) {
    public static final Limits DEFAULT = new Limits("768m", 1.0, 512, "10m");
}

package obsgrader.stack;

/**
 * What each service of a submission may use on the shared grading machine, from {@code -Dgrader.memory},
 * {@code -Dgrader.cpus} and {@code -Dgrader.pids}: enough for the lab's services, too little to hurt the host.
 */
public record Limits(String memory, double cpus, int pids, String logSize) {

    public static Limits fromSystemProperties() {
        return new Limits(System.getProperty("grader.memory", "768m"),
                Double.parseDouble(System.getProperty("grader.cpus", "1.0")),
                Integer.parseInt(System.getProperty("grader.pids", "512")),
                System.getProperty("grader.log-size", "10m"));
    }
}

/**
 * Charts of a run's own data (JFreeChart, PNG): a check keeps its numbers in a {@link obsgrader.report.charts.Drawing},
 * the report draws it in its language, for score.md, Allure and the class summary.
 */
package obsgrader.report.charts;

/**
 * The report in the student's language: {@link obsgrader.i18n.Message} keeps a sentence as a key and its
 * arguments, {@link obsgrader.i18n.Messages} resolves it from the resource bundles of a language.
 */
package obsgrader.i18n;

/**
 * What every page shares: the layout's model (who is signed in) and the home route. The page
 * controllers themselves live with their modules ({@code tasks.web}, {@code accounts.web}); this
 * module may use theirs, never the other way round.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "accounts", "tasks" })
package dev.taskflow.web;

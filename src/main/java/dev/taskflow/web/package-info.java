/**
 * What every page shares: the layout's model (who is signed in), the home route, and live updates
 * ({@code GET /api/stream}: task changes and notifications pushed to every open page of a user).
 * The page controllers themselves live with their modules ({@code tasks.web}, {@code accounts.web});
 * this module may use theirs, never the other way round.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "platform", "accounts", "tasks", "eventing" })
package dev.taskflow.web;

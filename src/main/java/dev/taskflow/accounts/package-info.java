/**
 * Users, passwords, personal API tokens and the security configuration. Other modules see the
 * signed-in user as a {@link dev.taskflow.accounts.CurrentUser} controller parameter and look
 * accounts up through {@link dev.taskflow.accounts.Accounts}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = "platform")
package dev.taskflow.accounts;

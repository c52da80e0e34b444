/**
 * Cross-cutting plumbing every module may use: the database URL translation, RFC 9457 problem
 * details for the API, request size limits and the clock. It holds no business rules.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.taskflow.platform;

package dev.taskflow.platform;

/**
 * The threads e-mail is sent on ({@code taskflow.mail.senders}, 2 by default), a bean only when an SMTP
 * host is configured: {@code @Async(MailSenders.EXECUTOR)}, or inject it by that name.
 *
 * A mail server that does not answer holds a sending thread for its time-outs (5 s to connect, 10 s to
 * answer). On these threads that costs only later mails their turn; on the application task executor it
 * would hold back every module listener (the outbox relay among them), and on a request thread the
 * request, its database connection, and the uniform answer time that keeps "is there an account for this
 * address?" a secret.
 */
public final class MailSenders {

	/** The bean name of the mail senders' {@code ThreadPoolTaskExecutor}. */
	public static final String EXECUTOR = "mailSenders";

	private MailSenders() {
	}
}

package dev.taskflow.web.live;

import java.io.ByteArrayOutputStream;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.taskflow.accounts.Credential;
import dev.taskflow.accounts.CredentialEnded;
import dev.taskflow.accounts.SignInDetailsChanged;
import dev.taskflow.support.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A session or token that ends ends its streams, also when it ends while a stream is being opened with
 * it: the request signed in before the revocation, and registers its stream after the revocation
 * looked for the streams to close.
 */
class LiveStreamEndingTests {

	/** As the database has it: the password was changed, so what was signed in before is signed out. */
	private static final String BEFORE_THE_CHANGE = "stamp before the change";

	private final LiveStreams streams = new LiveStreams(new LiveProperties(null, null, null, null, null, null),
			(user, credentials) -> credentials.stream()
				.filter(credential -> BEFORE_THE_CHANGE.equals(credential.signedInAs()))
				.collect(Collectors.toSet()),
			new SimpleMeterRegistry(), new MovableClock());

	private final LiveStreamController controller = new LiveStreamController(streams);

	private final UUID ann = UUID.randomUUID();

	@BeforeEach
	void start() {
		streams.start();
	}

	@AfterEach
	void stop() {
		streams.stop();
	}

	@Test
	void aStreamWhoseTokenWasRevokedWhileItWasOpeningEndsAsSoonAsItRegisters() {
		Credential token = Credential.apiToken(UUID.randomUUID());
		StreamRequest opening = new StreamRequest();

		controller.on(new CredentialEnded(ann, token));
		open(token, opening);

		assertThat(streams.openStreams(ann)).isZero();
		assertThat(opening.isAsyncStarted()).as("the response is complete").isFalse();
	}

	@Test
	void aStreamWhoseSessionEndedWhileItWasOpeningEndsAsSoonAsItRegisters() {
		Credential session = Credential.session("a-session-key", "its-stamp");

		controller.on(new CredentialEnded(ann, session));
		open(session, new StreamRequest());

		assertThat(streams.openStreams(ann)).isZero();
	}

	@Test
	void aStreamSignedInBeforeAPasswordChangeEndsAsSoonAsItRegistersAfterIt() {
		Credential changer = Credential.session("the-changers-key", BEFORE_THE_CHANGE);

		controller.on(new SignInDetailsChanged(ann, changer.signedInAgainAs("stamp after the change")));
		open(Credential.session("another-session", BEFORE_THE_CHANGE), new StreamRequest());
		open(Credential.session("the-changers-key", "stamp after the change"), new StreamRequest());
		open(Credential.apiToken(UUID.randomUUID()), new StreamRequest());

		assertThat(streams.openStreams(ann)).as("the changer's, signed in again, and the token's").isEqualTo(2);
	}

	@Test
	void anotherCredentialsStreamsStayOpen() {
		controller.on(new CredentialEnded(ann, Credential.apiToken(UUID.randomUUID())));

		open(Credential.apiToken(UUID.randomUUID()), new StreamRequest());

		assertThat(streams.openStreams(ann)).isOne();
	}

	@Test
	void aRevocationEndsTheStreamsOnceItCommitsAndNotIfItRollsBack() {
		Credential token = Credential.apiToken(UUID.randomUUID());
		open(token, new StreamRequest());

		inTransaction(() -> controller.on(new CredentialEnded(ann, token)), false);
		assertThat(streams.openStreams(ann)).as("after a rollback").isOne();
		open(token, new StreamRequest());
		assertThat(streams.openStreams(ann)).as("a new stream after a rollback").isEqualTo(2);

		inTransaction(() -> {
			controller.on(new CredentialEnded(ann, token));
			assertThat(streams.openStreams(ann)).as("before the commit").isEqualTo(2);
		}, true);
		assertThat(streams.openStreams(ann)).as("after the commit").isZero();
	}

	private void open(Credential credential, StreamRequest request) {
		streams.open(new LiveStream.Owner(ann, "10.0.0.1", credential), request, request.response);
	}

	private static void inTransaction(Runnable work, boolean commit) {
		TransactionSynchronizationManager.initSynchronization();
		try {
			work.run();
			for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
				if (commit) {
					synchronization.afterCommit();
				}
				synchronization.afterCompletion(commit ? TransactionSynchronization.STATUS_COMMITTED
						: TransactionSynchronization.STATUS_ROLLED_BACK);
			}
		}
		finally {
			TransactionSynchronizationManager.clearSynchronization();
		}
	}

	/** A stream's request as the container gives it: asynchronous, with a non-blocking output that always takes more. */
	private static final class StreamRequest extends MockHttpServletRequest {

		final HttpServletResponseWrapper response = new HttpServletResponseWrapper(new MockHttpServletResponse()) {

			private final ServletOutputStream out = new ServletOutputStream() {

				private final ByteArrayOutputStream written = new ByteArrayOutputStream();

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
				}

				@Override
				public void write(int b) {
					written.write(b);
				}
			};

			@Override
			public ServletOutputStream getOutputStream() {
				return out;
			}
		};

		StreamRequest() {
			setAsyncSupported(true);
		}

		@Override
		public AsyncContext startAsync() {
			return startAsync(this, response);
		}
	}
}

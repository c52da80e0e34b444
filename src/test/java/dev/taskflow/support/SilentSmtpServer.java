package dev.taskflow.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A mail server that accepts connections and never says a word (a firewall dropping packets, a hung
 * relay) until {@link #letGo()}, which closes them all. Register it as a static extension (it closes
 * after the class) and point the application at it with {@link #addTo}.
 */
public final class SilentSmtpServer implements AutoCloseable, AfterAllCallback {

	private final ServerSocket server;

	private final List<Socket> held = new CopyOnWriteArrayList<>();

	private final AtomicInteger accepted = new AtomicInteger();

	private volatile boolean silent = true;

	public SilentSmtpServer() {
		try {
			server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		Thread acceptor = new Thread(this::accept, "silent-smtp");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	/**
	 * Points the application's mail at this server, with SMTP time-outs far longer than any test, so only
	 * {@link #letGo()} ends a send.
	 */
	public void addTo(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", server::getLocalPort);
		registry.add("spring.mail.properties[mail.smtp.connectiontimeout]", () -> "300000");
		registry.add("spring.mail.properties[mail.smtp.timeout]", () -> "300000");
	}

	/** Connections accepted so far. */
	public int accepted() {
		return accepted.get();
	}

	/** Closes the connections held so far, and every later one as soon as it comes. */
	public void letGo() {
		silent = false;
		held.forEach(SilentSmtpServer::closeQuietly);
	}

	@Override
	public void afterAll(ExtensionContext context) {
		close();
	}

	@Override
	public void close() {
		letGo();
		closeQuietly(server);
	}

	private void accept() {
		while (!server.isClosed()) {
			try {
				Socket connection = server.accept();
				held.add(connection);
				accepted.incrementAndGet();
				if (!silent) {
					closeQuietly(connection);
				}
			}
			catch (IOException ex) {
				return; // closed
			}
		}
	}

	private static void closeQuietly(AutoCloseable closeable) {
		try {
			closeable.close();
		}
		catch (Exception ex) {
			// already closed
		}
	}
}

package dev.taskflow.accounts.internal;

import java.util.UUID;

import jakarta.servlet.http.HttpSession;
import org.springframework.web.util.WebUtils;

/**
 * Names a session for as long as it lives. Not its id: signing in again (after a password or e-mail
 * change) gives the session a new id, and what was opened with the old one (a live stream) must still
 * end when the session does.
 */
final class SessionKeys {

	private static final String ATTRIBUTE = SessionKeys.class.getName();

	private SessionKeys() {
	}

	/** The session's key, given to it now if it has none yet. */
	static String of(HttpSession session) {
		Object key = session.getAttribute(ATTRIBUTE);
		if (key == null) {
			// two requests of a new session at once must not give it two keys
			synchronized (WebUtils.getSessionMutex(session)) {
				key = session.getAttribute(ATTRIBUTE);
				if (key == null) {
					key = UUID.randomUUID().toString();
					session.setAttribute(ATTRIBUTE, key);
				}
			}
		}
		return (String) key;
	}

	/** The key of a session that is ending; null if it never had one, so nothing was opened with it. */
	static String ofEnding(HttpSession session) {
		return (String) session.getAttribute(ATTRIBUTE);
	}
}

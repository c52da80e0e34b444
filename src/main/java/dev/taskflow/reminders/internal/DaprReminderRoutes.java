package dev.taskflow.reminders.internal;

import java.util.Map;

import dev.taskflow.eventing.Roles;
import dev.taskflow.platform.ProblemTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the sidecar calls to fire reminders (Dapr mode): the {@code reminder-cron} input binding
 * (a sweep of everything due, the safety net) and Jobs API callbacks ({@code POST /job/{name}}, one
 * reminder at its exact time). Both routes are guarded by {@code APP_API_TOKEN} (eventing's Dapr
 * security chain) and answer 404 in processes without the {@code reminders} role. Start-up sweeps
 * once, for reminders missed while the service was down.
 */
@RestController
@ConditionalOnProperty(name = "taskflow.eventing.transport", havingValue = "dapr")
class DaprReminderRoutes {

	private static final Logger log = LoggerFactory.getLogger(DaprReminderRoutes.class);

	private final ReminderFiring firing;

	private final Roles roles;

	DaprReminderRoutes(ReminderFiring firing, Roles roles) {
		this.firing = firing;
		this.roles = roles;
	}

	@PostMapping("/${taskflow.dapr.cron-binding:reminder-cron}")
	ResponseEntity<?> sweep() {
		if (!roles.runs(ReminderFiring.ROLE)) {
			return notHere("This process does not fire reminders (TASKFLOW_ROLES has no 'reminders').");
		}
		ReminderFiring.Sweep sweep = firing.fireDue();
		return ResponseEntity.ok(Map.of("fired", sweep.fired(), "failed", sweep.failed()));
	}

	@PostMapping("/job/{name}")
	ResponseEntity<?> job(@PathVariable String name) {
		if (!roles.runs(ReminderFiring.ROLE)) {
			return notHere("This process does not fire reminders (TASKFLOW_ROLES has no 'reminders').");
		}
		return ReminderJob.parse(name)
			.<ResponseEntity<?>>map(job -> ResponseEntity.ok(Map.of("fired", firing.fire(job) ? 1 : 0)))
			.orElseGet(() -> notHere("No job of this app is called that."));
	}

	@EventListener(ApplicationReadyEvent.class)
	void sweepMissedReminders() {
		if (!roles.runs(ReminderFiring.ROLE)) {
			return;
		}
		try {
			ReminderFiring.Sweep sweep = firing.fireDue();
			if (sweep.fired() > 0) {
				log.info("Fired {} reminders that came due while this service was down", sweep.fired());
			}
		}
		catch (RuntimeException ex) {
			log.warn("Could not look for missed reminders at start-up; the reminder-cron sweep will: {}", ex.toString());
		}
	}

	private static ResponseEntity<ProblemDetail> notHere(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail);
		problem.setType(ProblemTypes.NOT_FOUND);
		return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}

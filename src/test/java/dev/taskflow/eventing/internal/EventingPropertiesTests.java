package dev.taskflow.eventing.internal;

import dev.taskflow.eventing.Roles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventingPropertiesTests {

	@Test
	void allRunsEveryRoleButTheReplayOfDeadLetters() {
		EventingProperties all = withRoles("all");
		assertThat(all.runs("audit")).isTrue();
		assertThat(all.runs("web")).isTrue();
		assertThat(all.runs(Roles.REPLAY)).isFalse();
	}

	@Test
	void replayRunsWhenNamedAloneOrBesideAll() {
		assertThat(withRoles("all,replay").runs(Roles.REPLAY)).isTrue();
		assertThat(withRoles("all,replay").runs("recurrence")).isTrue();
		assertThat(withRoles("audit, replay").runs(Roles.REPLAY)).isTrue();
		assertThat(withRoles("audit, replay").runs("recurrence")).isFalse();
		assertThat(withRoles(null).runs("notifications")).isTrue();
	}

	@Test
	void unknownRolesAreRefusedByName() {
		assertThatThrownBy(() -> withRoles("audit,replays")).hasMessageContaining("[replays]");
	}

	private static EventingProperties withRoles(String roles) {
		return new EventingProperties(null, roles, null, null, null);
	}
}

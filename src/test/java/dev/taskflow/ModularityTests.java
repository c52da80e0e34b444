package dev.taskflow;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Module boundaries of the production code (test fixtures may reach across modules). */
class ModularityTests {

	private static final DescribedPredicate<JavaClass> TEST_CLASSES = DescribedPredicate.describe("test classes",
			type -> type.getSource().map(source -> source.getUri().toString().contains("/test-classes/")).orElse(false));

	private final ApplicationModules modules = ApplicationModules.of(TaskFlowApplication.class, TEST_CLASSES);

	@Test
	void modulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}

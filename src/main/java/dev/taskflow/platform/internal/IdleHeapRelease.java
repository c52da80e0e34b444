package dev.taskflow.platform.internal;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Lets a JVM started without flags give back the heap an idle TaskFlow does not use.
 *
 * <p>On a machine with 2 or more cores and 2 GB or more, {@code java -jar} picks the G1 collector and a
 * heap of up to a quarter of the machine. G1 then keeps up to 70 % of its heap free but committed after
 * a collection, and it collects only when the heap fills, which an idle process never does: start-up
 * leaves about 40 MB live in 100–400 MB of touched heap, and after a burst of load the heap stays at the
 * burst's size. So, when nobody chose otherwise (the three options below still at the JVM's defaults, as
 * under plain {@code java -jar}), this sets them through the JVM's management interface (they are
 * "manageable": meant to be changed in a running JVM):
 * <ul>
 * <li>at most 30 % of the heap stays free after a collection that sizes the heap (at least 10 %);</li>
 * <li>after 15 s without a collection (G1 checks every 15 s) G1 runs a concurrent one (JEP 346), which
 * gives back what an idle process no longer needs;</li>
 * </ul>
 * and collects once when start-up is done, before the application reports ready, so that start-up's
 * garbage goes back to the OS before the first request rather than 15–30 s later. Measured on a 2-core,
 * 24 GB machine (bench/README.md, "Start-up and memory"): resident memory 3 s after ready 314–336 →
 * 231–245 MB, half a minute after a create load 420–507 → about 300 MB. Collections under load are
 * unchanged: G1 sizes its heap for the load as before and only gives back what a collection finds free.
 *
 * <p>Other collectors (Serial, which the JVM picks for a small container, as in the image) and explicit
 * flags are left alone; {@code taskflow.memory.release-idle-heap=false} switches this off.
 */
@Component
@ConditionalOnBooleanProperty(name = "taskflow.memory.release-idle-heap", matchIfMissing = true)
class IdleHeapRelease {

	private static final Logger log = LoggerFactory.getLogger(IdleHeapRelease.class);

	/** In the order they can be set: the minimum free share may never exceed the maximum. */
	static final Map<String, String> SETTINGS = settings();

	private static Map<String, String> settings() {
		Map<String, String> settings = new LinkedHashMap<>();
		settings.put("MinHeapFreeRatio", "10");
		settings.put("MaxHeapFreeRatio", "30");
		settings.put("G1PeriodicGCInterval", "15000");
		return settings;
	}

	@EventListener(ApplicationReadyEvent.class)
	void releaseStartUpGarbage() {
		HotSpotDiagnosticMXBean vm;
		try {
			vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
		}
		catch (IllegalArgumentException notHotSpot) {
			return;
		}
		if (vm == null || !applies(vm::getVMOption)) {
			return;
		}
		try {
			SETTINGS.forEach(vm::setVMOption);
		}
		catch (IllegalArgumentException | SecurityException refused) {
			log.warn("Could not let the JVM give back idle heap ({}); it keeps its defaults", refused.getMessage());
			return;
		}
		Runtime runtime = Runtime.getRuntime();
		long before = runtime.totalMemory();
		// Why an explicit collection: only a full collection sizes the heap at once; waiting for the
		// periodic one would leave start-up's garbage resident for the first 15–30 s.
		System.gc();
		log.debug("Heap after start-up: {} MB committed, {} MB after collecting", before >> 20,
				runtime.totalMemory() >> 20);
	}

	/** True when the JVM runs G1 and none of the options was set by a flag or by management. */
	static boolean applies(Function<String, VMOption> options) {
		try {
			if (!"true".equals(options.apply("UseG1GC").getValue())) {
				return false;
			}
			return SETTINGS.keySet().stream().allMatch(name -> options.apply(name).getOrigin() == VMOption.Origin.DEFAULT);
		}
		catch (IllegalArgumentException unknownOption) {
			return false;
		}
	}
}

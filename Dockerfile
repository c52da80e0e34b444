# syntax=docker/dockerfile:1
#
# TaskFlow container image: build with the Maven wrapper, run the extracted jar on a JRE with an AOT cache.
#   docker build -t taskflow .
#   docker run -p 8000:8000 taskflow            # embedded mode: H2 under /app/data
# Deployment notes: docs/deploy.md
#
# The jar is Java 17 bytecode and runs on 17+; the image runs it on 25 for the JDK's AOT cache (JEP 483/514/515),
# which roughly halves the CPU that start-up takes. With --build-arg JAVA_VERSION=17 or 21 the same steps
# produce a class-data sharing archive instead (CDS, about a third less).

ARG JAVA_VERSION=25

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
# The cache mount keeps the Maven repository (and the wrapper's Maven) between builds.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/taskflow.jar extract --layers --destination extracted

FROM eclipse-temurin:${JAVA_VERSION}-jre
# curl is only for HEALTHCHECK: newer Temurin images no longer ship it, so install it explicitly.
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 taskflow \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin taskflow \
 && mkdir -p /app/data \
 && chown 10001:10001 /app/data
WORKDIR /app
# One layer per Spring Boot layer, least likely to change first.
COPY --from=build /workspace/extracted/dependencies/ ./
COPY --from=build /workspace/extracted/spring-boot-loader/ ./
COPY --from=build /workspace/extracted/snapshot-dependencies/ ./
COPY --from=build /workspace/extracted/application/ ./
# The training run: start once on a throw-away H2 database, wait until ready, ask for a few pages and API
# routes, stop with SIGTERM. At exit the JVM writes what start-up and those first requests loaded and linked
# into an AOT cache (Java 25+; with method profiles) or a CDS archive (older), and the flag that uses it goes
# into jvm.options for the ENTRYPOINT. Valid only for these exact jars and this JVM, hence made here, in the
# runtime stage. (A run stopped at refresh, spring.context.exit=onRefresh, leaves out Tomcat's start and the
# request path: measured, about 6 % more CPU to ready.)
RUN set -e; \
    if java -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then \
      record=-XX:AOTCacheOutput=taskflow.aot; use=-XX:AOTCache=taskflow.aot; \
    else \
      record=-XX:ArchiveClassesAtExit=taskflow.jsa; use=-XX:SharedArchiveFile=taskflow.jsa; \
    fi; \
    data=$(mktemp -d); port=${TRAINING_PORT:-8000}; url=http://127.0.0.1:$port; \
    TASKFLOW_DATA_DIR="$data" PORT="$port" java "$record" -jar taskflow.jar >"$data/training.log" 2>&1 & pid=$!; \
    tries=0; \
    until curl -fsS -o /dev/null "$url/actuator/health/readiness" 2>/dev/null; do \
      tries=$((tries + 1)); \
      if [ "$tries" -gt 300 ] || ! kill -0 "$pid" 2>/dev/null; then tail -n 50 "$data/training.log"; kill "$pid" 2>/dev/null || true; exit 1; fi; \
      sleep 1; \
    done; \
    for path in /login /signup / /api/tasks /actuator/health/liveness; do curl -s -o /dev/null "$url$path"; done; \
    kill -TERM "$pid"; wait "$pid" || true; \
    if [ ! -s "${use#*=}" ]; then tail -n 50 "$data/training.log"; exit 1; fi; \
    rm -rf "$data"; \
    echo "$use" > jvm.options
# Numeric user, so that Kubernetes can verify runAsNonRoot.
USER 10001:10001
ENV PORT=8000 \
    TASKFLOW_DATA_DIR=/app/data
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health/liveness" >/dev/null || exit 1
# Heap up to three quarters of the container's memory limit, but no larger initial heap than the JVM picks
# by itself: an initial half of the limit was memory the idle process held for nothing. The native heap is
# trimmed every 5 s (a JVM thread hands freed malloc memory back to the OS, off the request threads: about
# 20 MB less resident when idle). Add flags with JAVA_TOOL_OPTIONS (one that changes the heap's layout,
# e.g. another GC, may make the JVM skip the cache, with a warning; it still starts).
ENTRYPOINT ["java", "@jvm.options", "-XX:MaxRAMPercentage=75.0", "-XX:TrimNativeHeapInterval=5000", "-XX:+ExitOnOutOfMemoryError", "-jar", "taskflow.jar"]

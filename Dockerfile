# syntax=docker/dockerfile:1
#
# TaskFlow container image: build with the Maven wrapper, run the layered jar on a JRE.
#   docker build -t taskflow .
#   docker run -p 8000:8000 taskflow            # embedded mode: H2 under /app/data
# Deployment notes: docs/deploy.md

ARG JAVA_VERSION=17

FROM eclipse-temurin:${JAVA_VERSION}-jdk AS build
WORKDIR /workspace
COPY mvnw pom.xml ./
COPY .mvn .mvn
COPY src src
# The cache mount keeps the Maven repository (and the wrapper's Maven) between builds.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
 && java -Djarmode=tools -jar target/taskflow.jar extract --layers --launcher --destination extracted

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
# Numeric user, so that Kubernetes can verify runAsNonRoot.
USER 10001:10001
ENV PORT=8000 \
    TASKFLOW_DATA_DIR=/app/data
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=90s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/actuator/health/liveness" >/dev/null || exit 1
# Heap sized from the container's memory limit; add flags with JAVA_TOOL_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75.0", "-XX:InitialRAMPercentage=50.0", "-XX:+ExitOnOutOfMemoryError", "org.springframework.boot.loader.launch.JarLauncher"]

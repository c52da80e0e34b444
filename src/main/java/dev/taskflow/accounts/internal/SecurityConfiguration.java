package dev.taskflow.accounts.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import jakarta.servlet.DispatcherType;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.WebSecurityCustomizer;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.RequestMatcherDelegatingAccessDeniedHandler;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;
import tools.jackson.databind.json.JsonMapper;

import static org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher.pathPattern;

/**
 * Five filter chains:
 * <ol>
 * <li>{@code POST /api/tokens}: token, session or HTTP Basic (so scripts can bootstrap a token);</li>
 * <li>{@code /api/**}: token or session, answers 401/403 as problem details;</li>
 * <li>{@code /actuator/**}: public health probes, operator-only everything else;</li>
 * <li>{@code /mcp}: API tokens only, 401 with the RFC 9728 metadata address;</li>
 * <li>everything else: the pages, with form sign-in, sessions and CSRF protection.</li>
 * </ol>
 * Only sign-in/up, health and static assets are public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * One CSRF token store for every chain (pages and the API calls they make), kept in a cookie so that
	 * rendering a form for an anonymous visitor (the sign-in page) creates no session.
	 */
	private static final CsrfTokenRepository CSRF_TOKENS = csrfTokens();

	static final String PROTECTED_RESOURCE_METADATA = "/.well-known/oauth-protected-resource";

	/**
	 * The files any visitor may load. Nothing in them depends on who asks, so a signed-in session is not
	 * checked against its account for them: that would read the database for every stylesheet, and leave
	 * the page saying the database is out of reach without its styles.
	 */
	private static final String[] STATIC_FILES = { "/css/**", "/js/**", "/icons/**", "/webjars/**", "/favicon.ico",
			"/manifest.webmanifest", "/sw.js", "/offline.html" };

	private static final RequestMatcher HAS_AUTHORIZATION_HEADER = request -> request.getHeader("Authorization") != null;

	/** The same store for the sign-up page, which signs the new user in itself. */
	@Bean
	CsrfTokenRepository csrfTokenRepository() {
		return CSRF_TOKENS;
	}

	/** Form and Basic sign-in check the password only when the sign-in throttle lets the attempt through. */
	@Bean
	AuthenticationProvider passwordSignIn(AccountUserDetailsService users, PasswordEncoder passwordEncoder,
			SignInThrottle throttle) {
		DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
		passwords.setPasswordEncoder(passwordEncoder);
		return new ThrottledSignIn(passwords, throttle);
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	/**
	 * No Micrometer observation around each security filter, authentication and authorization: they
	 * cost about a tenth of an API call's CPU (bench/README.md) and feed no metric TaskFlow reports;
	 * {@code http.server.requests} still times every request.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	/** Spring's strict firewall, checking header characters without a regular expression (see {@link HeaderCharacters}). */
	@Bean
	WebSecurityCustomizer strictFirewall() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		firewall.setAllowedHeaderNames(HeaderCharacters::isAllowedName);
		firewall.setAllowedHeaderValues(HeaderCharacters::isAllowedValue);
		return web -> web.httpFirewall(firewall);
	}

	@Bean
	ProblemSecurityHandlers problemSecurityHandlers(JsonMapper json) {
		return new ProblemSecurityHandlers(json);
	}

	@Bean
	@Order(1)
	SecurityFilterChain tokenIssuing(HttpSecurity http, ApiTokenService tokens, AccountRepository accounts,
			AccountsProperties properties, ProblemSecurityHandlers problems) throws Exception {
		http.securityMatcher(pathPattern(HttpMethod.POST, "/api/tokens"));
		apiDefaults(http, tokens, accounts, properties, problems);
		http.httpBasic(basic -> basic.authenticationEntryPoint(problems.entryPoint()));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain api(HttpSecurity http, ApiTokenService tokens, AccountRepository accounts,
			AccountsProperties properties, ProblemSecurityHandlers problems) throws Exception {
		http.securityMatcher("/api/**");
		apiDefaults(http, tokens, accounts, properties, problems);
		return http.build();
	}

	/**
	 * The MCP endpoint: API tokens only (no session, so no CSRF), and a 401 that points clients at the
	 * protected-resource metadata (RFC 9728), which is public.
	 */
	@Bean
	@Order(4)
	SecurityFilterChain mcp(HttpSecurity http, ApiTokenService tokens, AccountRepository accounts,
			AccountsProperties properties, ProblemSecurityHandlers problems) throws Exception {
		AuthenticationEntryPoint entryPoint = problems.resourceMetadataEntryPoint(PROTECTED_RESOURCE_METADATA);
		http.securityMatcher("/mcp", "/mcp/**", PROTECTED_RESOURCE_METADATA, PROTECTED_RESOURCE_METADATA + "/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(PROTECTED_RESOURCE_METADATA, PROTECTED_RESOURCE_METADATA + "/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, accounts, properties, entryPoint),
					BasicAuthenticationFilter.class)
			.securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf(csrf -> csrf.disable())
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(entryPoint)
				.accessDeniedHandler(problems.accessDeniedHandler()));
		return http.build();
	}

	/** Health is public (probes); every other actuator endpoint is for operators only. */
	@Bean
	@Order(3)
	SecurityFilterChain operations(HttpSecurity http, ApiTokenService tokens, AccountRepository accounts,
			AccountsProperties properties, ProblemSecurityHandlers problems) throws Exception {
		http.securityMatcher("/actuator/**")
			.authorizeHttpRequests(requests -> requests.requestMatchers("/actuator/health", "/actuator/health/**")
				.permitAll()
				.anyRequest()
				.hasRole("OPERATOR"))
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, accounts, properties, problems.entryPoint()),
					BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(problems.entryPoint()))
			.csrf(csrf -> csrf.csrfTokenRepository(CSRF_TOKENS).ignoringRequestMatchers(HAS_AUTHORIZATION_HEADER))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems.entryPoint())
				.accessDeniedHandler(problems.accessDeniedHandler()));
		return http.build();
	}

	@Bean
	@Order(10)
	SecurityFilterChain pages(HttpSecurity http, ApiTokenService tokens, AccountRepository accounts,
			AccountsProperties properties, ProblemSecurityHandlers problems) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/login", "/signup", "/password-reset", "/password-reset/*", "/error")
			.permitAll()
			.requestMatchers(STATIC_FILES)
			.permitAll()
			.anyRequest()
			.authenticated())
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, accounts, properties, problems.entryPoint()),
					AnonymousAuthenticationFilter.class)
			.addFilterAfter(new SignedInSessionCheck(accounts, staticFiles()), SecurityContextHolderFilter.class)
			.requestCache(cache -> cache.requestCache(pagesAskedFor()))
			.csrf(csrf -> csrf.csrfTokenRepository(CSRF_TOKENS))
			.formLogin(form -> form.loginPage("/login")
				.usernameParameter("email")
				.defaultSuccessUrl("/", false)
				.failureHandler((request, response, ex) -> {
					// the sign-in page shows the e-mail again, so only the password needs retyping
					FlashMap attempt = new FlashMap();
					attempt.setTargetRequestPath("/login");
					attempt.put("email", request.getParameter("email"));
					new SessionFlashMapManager().saveOutputFlashMap(attempt, request, response);
					response.sendRedirect(ex instanceof ThrottledSignIn.TooManySignInAttempts ? "/login?locked" : "/login?error");
				}))
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
			// a program's request that ends here (the Dapr sidecar's routes in embedded mode, where they do
			// not exist, or any call with a token) is answered with a problem; a browser's keeps the error
			// page. Not defaultAccessDeniedHandlerFor: with a single mapping Spring Security uses that handler
			// for every request, and a stale form would get a 401 problem instead of the 403 page.
			.exceptionHandling(exceptions -> exceptions.accessDeniedHandler(new RequestMatcherDelegatingAccessDeniedHandler(
					new LinkedHashMap<>(Map.of(new OrRequestMatcher(HAS_AUTHORIZATION_HEADER, pathPattern("/dapr/**"),
							pathPattern("/job/**"), pathPattern("/reminder-cron")), problems.accessDeniedHandler())),
					new AccessDeniedHandlerImpl())))
			.headers(headers -> headers
				// every script is a served file (taskflow.js, htmx); no inline script or handler may run
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self' 'unsafe-inline'; script-src 'self'; worker-src 'self'; "
						+ "manifest-src 'self'; frame-ancestors 'none'")));
		return http.build();
	}

	/**
	 * Sign-in returns to the page the person asked for: only a page opened in the browser is
	 * remembered, not an htmx fragment, a script's fetch or an asset.
	 */
	private static CookieRequestCache pagesAskedFor() {
		// a cookie rather than the session: an anonymous visitor gets no session until they sign in
		CookieRequestCache cache = new CookieRequestCache();
		cache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && request.getHeader("HX-Request") == null
				&& String.valueOf(request.getHeader("Accept")).contains("text/html"));
		return cache;
	}

	private static RequestMatcher staticFiles() {
		return new OrRequestMatcher(Arrays.stream(STATIC_FILES).map(pattern -> (RequestMatcher) pathPattern(pattern)).toList());
	}

	private static CsrfTokenRepository csrfTokens() {
		CookieCsrfTokenRepository tokens = new CookieCsrfTokenRepository();
		tokens.setCookieCustomizer(cookie -> cookie.sameSite("Lax"));
		return tokens;
	}

	private static void apiDefaults(HttpSecurity http, ApiTokenService tokens, AccountRepository accounts,
			AccountsProperties properties, ProblemSecurityHandlers problems) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			// the end of an SSE stream is an async dispatch of a request that was authorized when it began;
			// after sign-out it has no session any more, and refusing it then only logs errors
			.dispatcherTypeMatchers(DispatcherType.ASYNC)
			.permitAll()
			.requestMatchers(HttpMethod.POST, "/api/accounts")
			.permitAll()
			.anyRequest()
			.authenticated())
			.addFilterBefore(new ApiTokenAuthenticationFilter(tokens, accounts, properties, problems.entryPoint()),
					BasicAuthenticationFilter.class)
			.addFilterAfter(new SignedInSessionCheck(accounts), SecurityContextHolderFilter.class)
			// Token and Basic calls carry no cookies, so CSRF cannot apply to them; browser calls with a
			// session cookie still need the token.
			.csrf(csrf -> csrf.csrfTokenRepository(CSRF_TOKENS)
				.ignoringRequestMatchers(HAS_AUTHORIZATION_HEADER)
				.ignoringRequestMatchers(pathPattern(HttpMethod.POST, "/api/accounts")))
			.requestCache(cache -> cache.disable())
			.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems.entryPoint())
				.accessDeniedHandler(problems.accessDeniedHandler()));
	}
}

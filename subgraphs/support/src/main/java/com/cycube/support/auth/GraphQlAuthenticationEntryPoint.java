package com.cycube.support.auth;

import com.cycube.support.audit.AuditLog;
import com.cycube.support.audit.AuditRecord;
import com.cycube.support.context.ClientAddresses;
import com.cycube.support.context.RequestCorrelation;
import com.cycube.support.errors.ErrorCode;
import com.cycube.support.errors.RefusalReason;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a bad, expired or unsigned token with a GraphQL-shaped error body, so GraphQL clients see
 * {@code extensions.code = UNAUTHENTICATED} rather than an HTML page. The status follows GraphQL over HTTP: a client
 * that accepts {@code application/graphql-response+json} gets 401 (with {@code WWW-Authenticate}); one that asks only
 * for {@code application/json}, or says nothing — the router — gets 200 on the GraphQL endpoint (401 anywhere else), since a non-2xx answer makes Hive Router add a
 * {@code SUBREQUEST_HTTP_ERROR} beside the subgraph's {@code UNAUTHENTICATED} (ADR 8). The refusal
 * is audited like every other denial (no GraphQL execution happens, so the instrumentation cannot).
 */
public class GraphQlAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final AuditLog auditLog;
    private final String service;
    private final Clock clock;
    private final ClientAddresses clientAddresses;

    public GraphQlAuthenticationEntryPoint(AuditLog auditLog, String service, Clock clock,
                                           ClientAddresses clientAddresses) {
        this.auditLog = auditLog;
        this.service = service;
        this.clock = clock;
        this.clientAddresses = clientAddresses;
    }

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";

    private static final String BODY =
            "{\"errors\":[{\"message\":\"Invalid or expired access token\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        auditLog.record(AuditRecord.refusedRequest(clock.instant(), service,
                "http." + request.getMethod() + " " + request.getRequestURI(), ErrorCode.UNAUTHENTICATED.name(),
                RefusalReason.INVALID_TOKEN, RequestCorrelation.requestId(request.getHeader(RequestCorrelation.REQUEST_ID_HEADER)),
                RequestCorrelation.traceParent(request.getHeader(RequestCorrelation.TRACEPARENT_HEADER)),
                clientAddresses.of(request)));
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean graphQlResponseClient = accept != null && accept.toLowerCase(Locale.ROOT).contains(GRAPHQL_RESPONSE);
        boolean graphQlRequest = request.getRequestURI().startsWith("/graphql");
        response.setStatus(graphQlRequest && !graphQlResponseClient ? HttpServletResponse.SC_OK : HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
    }
}

package com.cycube.support.context;

import com.cycube.support.access.AccessRevocations;
import com.cycube.support.access.LiveAccessInstrumentation;
import com.cycube.support.audit.AuditLog;
import com.cycube.support.auth.Caller;
import com.cycube.support.auth.JwtCallerMapper;
import com.cycube.support.errors.DomainException;
import com.cycube.support.errors.ErrorCode;
import com.cycube.support.errors.RefusalReason;
import java.util.Map;
import java.util.Optional;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Builds the {@link RequestContext} of every GraphQL request and puts it in the GraphQL context.
 * Over HTTP the token was validated by the resource-server filter; over WebSocket a browser cannot
 * set headers, so the token is also accepted from the {@code connection_init} payload
 * ({@code {"Authorization": "Bearer <token>"}}) and validated here with the same decoder — and refused when its access
 * was revoked since it was issued ({@link AccessRevocations}); a refusal there is audited as denied
 * ({@code websocket.connection_init}), as the HTTP entry point audits a bad token. Over HTTP that check happens at execution
 * ({@link LiveAccessInstrumentation}), so the client gets a GraphQL error with its code.
 *
 * <p>The request id and trace parent are checked by {@link RequestCorrelation}. The client address is the one
 * {@link ClientAddresses} gives for the connection — of the HTTP request, or of the WebSocket handshake for every
 * operation on that socket and for a refused {@code connection_init}: the connection's own address unless it comes
 * from one of {@code cycube.security.trusted-proxies}, whose {@code X-Forwarded-For} then names the client (ADR 5).
 */
public class RequestContextInterceptor implements WebSocketGraphQlInterceptor {

    static final String SESSION_CALLER = RequestContextInterceptor.class.getName() + ".caller";

    static final String CONNECTION_INIT = "websocket.connection_init";

    private final JwtDecoder jwtDecoder;
    private final AccessRevocations revocations;
    private final AuditLog auditLog;
    private final ClientAddresses clientAddresses;

    public RequestContextInterceptor(JwtDecoder jwtDecoder, AccessRevocations revocations, AuditLog auditLog,
                                     ClientAddresses clientAddresses) {
        this.jwtDecoder = jwtDecoder;
        this.revocations = revocations;
        this.auditLog = auditLog;
        this.clientAddresses = clientAddresses;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        Caller caller = request instanceof WebSocketGraphQlRequest ws
                ? (Caller) ws.getSessionInfo().getAttributes().getOrDefault(SESSION_CALLER, Caller.ANONYMOUS)
                : callerFromSecurityContext();
        String requestId = RequestCorrelation.requestId(request.getHeaders().getFirst(RequestCorrelation.REQUEST_ID_HEADER));
        String traceParent = RequestCorrelation.traceParent(request.getHeaders().getFirst(RequestCorrelation.TRACEPARENT_HEADER));
        String clientIp = clientAddresses.of(request.getRemoteAddress(), request.getHeaders());
        RequestContext context = new RequestContext(caller, requestId, traceParent, clientIp);
        Map<String, Object> graphQlContext = request instanceof WebSocketGraphQlRequest ws
                ? Map.of(RequestContext.CONTEXT_KEY, context, LiveAccessInstrumentation.CONNECTION_KEY, ws.getSessionInfo().getId())
                : Map.of(RequestContext.CONTEXT_KEY, context);
        request.configureExecutionInput((input, builder) -> builder.graphQLContext(graphQlContext).build());
        return chain.next(request);
    }

    @Override
    public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo sessionInfo, Map<String, Object> payload) {
        String token = bearerToken(payload);
        if (token != null) {
            try {
                Jwt jwt = jwtDecoder.decode(token);
                Caller caller = JwtCallerMapper.toCaller(jwt);
                Optional<DomainException> revoked = revocations.refusal(caller);
                if (revoked.isPresent()) {
                    return Mono.error(auditedRefusal(sessionInfo, caller, revoked.get()));
                }
                sessionInfo.getAttributes().put(SESSION_CALLER, caller);
            } catch (JwtException invalid) {
                return Mono.error(auditedRefusal(sessionInfo, Caller.ANONYMOUS, new DomainException(
                        ErrorCode.UNAUTHENTICATED, DomainException.unauthenticated().getMessage(), RefusalReason.INVALID_TOKEN)));
            }
            return Mono.empty();
        }
        return sessionInfo.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> JwtCallerMapper.toCaller(((JwtAuthenticationToken) principal).getToken()))
                .doOnNext(caller -> sessionInfo.getAttributes().put(SESSION_CALLER, caller))
                .then(Mono.empty());
    }

    private DomainException auditedRefusal(WebSocketSessionInfo sessionInfo, Caller caller, DomainException refusal) {
        String clientIp = clientAddresses.of(sessionInfo.getRemoteAddress(), sessionInfo.getHeaders());
        String requestId = RequestCorrelation.requestId(sessionInfo.getHeaders().getFirst(RequestCorrelation.REQUEST_ID_HEADER));
        auditLog.refused(CONNECTION_INIT, caller, requestId, clientIp, refusal);
        return refusal;
    }

    private static Caller callerFromSecurityContext() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwtAuthentication) {
            return JwtCallerMapper.toCaller(jwtAuthentication.getToken());
        }
        return Caller.ANONYMOUS;
    }

    static String bearerToken(Map<String, Object> payload) {
        if (payload == null) {
            return null;
        }
        for (Map.Entry<String, Object> entry : payload.entrySet()) {
            if (entry.getKey().equalsIgnoreCase("authorization") && entry.getValue() instanceof String value) {
                return value.regionMatches(true, 0, "Bearer ", 0, 7) ? value.substring(7).trim() : value.trim();
            }
        }
        return null;
    }
}

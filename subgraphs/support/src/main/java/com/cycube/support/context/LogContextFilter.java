package com.cycube.support.context;

import com.cycube.support.auth.JwtCallerMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Puts who and which request into every log line written while an HTTP request is handled on its thread (the JSON
 * logs' {@code request_id}, {@code caller_id}, {@code organization_id}; ids only, never tokens or names), and fixes the
 * request id once: a missing or invalid {@code x-request-id} is replaced here ({@link RequestCorrelation}) and the
 * request goes on carrying the chosen one, so the log lines and the audit record name the same request. Runs after
 * the bearer-token filter; cleared when the request leaves this thread.
 */
public class LogContextFilter extends OncePerRequestFilter {

    public static final String REQUEST_ID = "request_id";
    public static final String CALLER_ID = "caller_id";
    public static final String ORGANIZATION_ID = "organization_id";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = RequestCorrelation.requestId(request.getHeader(RequestCorrelation.REQUEST_ID_HEADER));
        MDC.put(REQUEST_ID, requestId);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken jwt) {
            MDC.put(CALLER_ID, jwt.getToken().getSubject());
            String organization = jwt.getToken().getClaimAsString(JwtCallerMapper.ORGANIZATION_CLAIM);
            if (organization != null) {
                MDC.put(ORGANIZATION_ID, organization);
            }
        }
        try {
            chain.doFilter(new WithRequestId(request, requestId), response);
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(CALLER_ID);
            MDC.remove(ORGANIZATION_ID);
        }
    }

    /** The request with {@code x-request-id} set to the id chosen for it. */
    private static final class WithRequestId extends HttpServletRequestWrapper {

        private final String requestId;

        WithRequestId(HttpServletRequest request, String requestId) {
            super(request);
            this.requestId = requestId;
        }

        private static boolean isRequestId(String name) {
            return RequestCorrelation.REQUEST_ID_HEADER.equalsIgnoreCase(name);
        }

        @Override
        public String getHeader(String name) {
            return isRequestId(name) ? requestId : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return isRequestId(name) ? Collections.enumeration(Set.of(requestId)) : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            Set<String> names = new LinkedHashSet<>(Collections.list(super.getHeaderNames()));
            names.removeIf(WithRequestId::isRequestId);
            names.add(RequestCorrelation.REQUEST_ID_HEADER);
            return Collections.enumeration(names);
        }
    }
}

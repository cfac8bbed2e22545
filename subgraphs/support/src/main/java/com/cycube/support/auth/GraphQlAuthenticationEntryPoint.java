package com.cycube.support.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * Answers a bad, expired or unsigned token with HTTP 401 and a GraphQL-shaped error body, so
 * GraphQL clients see {@code extensions.code = UNAUTHENTICATED} rather than an HTML page.
 */
public class GraphQlAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private static final String BODY =
            "{\"errors\":[{\"message\":\"Invalid or expired access token\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}";

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException authException)
            throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.getOutputStream().write(BODY.getBytes(StandardCharsets.UTF_8));
    }
}

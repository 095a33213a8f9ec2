package org.rujuk.connector.rest;

import org.rujuk.connector.config.ConnectorProperties;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * HTTP Basic with one account, the agency system's ({@code rujuk.connector.api-username}/{@code api-password}).
 * The OpenAPI document and UI, health and info are open: they hold no child data, and a developer can read the API
 * before having credentials. Everything else is denied.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    static final String ROLE_AGENCY_SYSTEM = "AGENCY_SYSTEM";

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                                .permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint()).hasRole(ROLE_AGENCY_SYSTEM)
                        .requestMatchers("/referrals", "/referrals/**").hasRole(ROLE_AGENCY_SYSTEM)
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic-auth API: no cookies, so no cross-site request to forge.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** As in the hub: the password comes from configuration, so a slow hash protects nothing at rest here. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(4);
    }

    @Bean
    UserDetailsService agencySystem(ConnectorProperties properties, PasswordEncoder encoder) {
        return new InMemoryUserDetailsManager(User.withUsername(properties.apiUsername())
                .password(encoder.encode(properties.apiPassword()))
                .roles(ROLE_AGENCY_SYSTEM)
                .build());
    }
}

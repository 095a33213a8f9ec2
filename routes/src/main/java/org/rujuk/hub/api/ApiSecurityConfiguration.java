package org.rujuk.hub.api;

import org.rujuk.hub.config.Account;
import org.rujuk.hub.config.HubAccounts;
import org.springframework.boot.actuate.autoconfigure.security.servlet.EndpointRequest;
import org.springframework.boot.actuate.health.HealthEndpoint;
import org.springframework.boot.actuate.info.InfoEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
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
 * HTTP Basic for the API, with the same accounts as the broker (see {@link HubAccounts}); the hub's own
 * account cannot log in here. Health and info are open so load balancers and compose can probe them. The accounts
 * ({@link UserDetailsService}) serve the dashboard's login too.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http) throws Exception {
        return http
                // The dashboard has its own chain (form login, session, CSRF); this one is for machines.
                .securityMatcher("/api/**", "/actuator/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class, InfoEndpoint.class)).permitAll()
                        .requestMatchers(EndpointRequest.toAnyEndpoint())
                                .hasAnyRole(ApiAccess.ROLE_ADMIN, ApiAccess.ROLE_COORDINATOR)
                        // The audit chain (verify, who touched what) and running retention: administrators only.
                        .requestMatchers("/api/v1/audit/**", "/api/v1/retention/**").hasRole(ApiAccess.ROLE_ADMIN)
                        // Dead letters carry child data in their bodies: coordinators list them (no body), only
                        // administrators read a body, replay or discard.
                        .requestMatchers("/api/v1/dead-letters/*/body").hasRole(ApiAccess.ROLE_ADMIN)
                        .requestMatchers(HttpMethod.POST, "/api/v1/dead-letters/**").hasRole(ApiAccess.ROLE_ADMIN)
                        .requestMatchers("/api/v1/dead-letters", "/api/v1/dead-letters/**")
                                .hasAnyRole(ApiAccess.ROLE_COORDINATOR, ApiAccess.ROLE_ADMIN)
                        .requestMatchers("/api/v1/referrals/*/evidence")
                                .hasAnyRole(ApiAccess.ROLE_COORDINATOR, ApiAccess.ROLE_ADMIN)
                        .requestMatchers("/api/v1/handoffs/**", "/api/v1/reports/**")
                                .hasAnyRole(ApiAccess.ROLE_COORDINATOR, ApiAccess.ROLE_ADMIN)
                        .requestMatchers("/api/**")
                                .hasAnyRole(ApiAccess.ROLE_AGENCY, ApiAccess.ROLE_COORDINATOR, ApiAccess.ROLE_ADMIN)
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless Basic-auth API: no cookies, so no cross-site request to forge.
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /**
     * BCrypt at its lowest cost: the accounts' passwords come from configuration, so a slow hash protects nothing
     * at rest here, while HTTP Basic checks the password on every request. Comparison stays constant-time.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder(4);
    }

    @Bean
    UserDetailsService apiUsers(HubAccounts accounts, PasswordEncoder encoder) {
        var users = new InMemoryUserDetailsManager();
        for (Account account : accounts.all()) {
            var builder = User.withUsername(account.username()).password(encoder.encode(account.password()));
            switch (account.kind()) {
                case AGENCY -> builder.authorities("ROLE_" + ApiAccess.ROLE_AGENCY,
                        ApiAccess.AGENCY_AUTHORITY_PREFIX + account.agency());
                case COORDINATOR -> builder.roles(ApiAccess.ROLE_COORDINATOR);
                case ADMIN -> builder.roles(ApiAccess.ROLE_ADMIN);
                case HUB -> {
                    continue;
                }
            }
            users.createUser(builder.build());
        }
        return users;
    }
}

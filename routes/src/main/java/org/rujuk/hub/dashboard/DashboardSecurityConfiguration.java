package org.rujuk.hub.dashboard;

import org.rujuk.hub.api.ApiAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The dashboard's login: a form with a session cookie (secure, HTTP-only, same-site strict; see application.yml),
 * CSRF protection on every form, and logout. The same accounts as the broker and the API; the hub's own account
 * cannot log in.
 */
@Configuration(proxyBeanMethods = false)
class DashboardSecurityConfiguration {

    @Bean
    @Order(2)
    SecurityFilterChain dashboardSecurity(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/css/**", "/js/**", "/webjars/**", "/error").permitAll()
                        // The meeting pack and meeting decisions are the coordinators' tools.
                        // Dead letters: coordinators look; only administrators read a body, replay or discard.
                        .requestMatchers("/dead-letters/*/body").hasRole(ApiAccess.ROLE_ADMIN)
                        .requestMatchers(HttpMethod.POST, "/dead-letters/**").hasRole(ApiAccess.ROLE_ADMIN)
                        .requestMatchers("/dead-letters", "/dead-letters/**")
                                .hasAnyRole(ApiAccess.ROLE_COORDINATOR, ApiAccess.ROLE_ADMIN)
                        .requestMatchers("/meeting/**", "/referrals/*/decisions")
                                .hasAnyRole(ApiAccess.ROLE_COORDINATOR, ApiAccess.ROLE_ADMIN)
                        .anyRequest().hasAnyRole(ApiAccess.ROLE_AGENCY, ApiAccess.ROLE_COORDINATOR,
                                ApiAccess.ROLE_ADMIN))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/", true).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout").permitAll())
                .build();
    }
}

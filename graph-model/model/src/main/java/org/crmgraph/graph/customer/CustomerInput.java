package org.crmgraph.graph.customer;

import java.util.Set;

/**
 * Fields of a customer as a client sends them. On update, a null field is left unchanged unless
 * it is named in {@code cleared}, which removes it (the name cannot be cleared).
 */
public record CustomerInput(String name, String email, String phone, String country, String city, Set<String> cleared) {

    public CustomerInput(String name, String email, String phone, String country, String city) {
        this(name, email, phone, country, city, Set.of());
    }
}

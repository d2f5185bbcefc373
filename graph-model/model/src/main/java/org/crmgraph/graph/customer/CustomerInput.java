package org.crmgraph.graph.customer;

import java.util.Set;

/**
 * Fields of a customer as a client sends them. On update, a null field is left unchanged unless
 * it is named in {@code cleared}, which removes it (the name cannot be cleared). Given and family name, street,
 * postcode, region and birth date ({@code yyyy-MM-dd}) identify the person to identity resolution.
 */
public record CustomerInput(
        String name,
        String email,
        String phone,
        String country,
        String city,
        String givenName,
        String familyName,
        String street,
        String postcode,
        String region,
        String birthDate,
        Set<String> cleared) {

    public CustomerInput(String name, String email, String phone, String country, String city, Set<String> cleared) {
        this(name, email, phone, country, city, null, null, null, null, null, null, cleared);
    }

    public CustomerInput(String name, String email, String phone, String country, String city) {
        this(name, email, phone, country, city, Set.of());
    }
}

package org.crmgraph.graph.customer;

/** Fields of a customer as a client sends them; on update, a null field is left unchanged. */
public record CustomerInput(String name, String email, String phone, String country, String city) {}

package test;

/** No durable object here: no bindings, so no service file. */
public class NoObjects {}

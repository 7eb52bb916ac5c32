package cn.qingtian.portal.api;

/** An item of a connection with its cursor; {@code E} may carry extra edge fields. */
public record Edge<T>(String cursor, T node) {}

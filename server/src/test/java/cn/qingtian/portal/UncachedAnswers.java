package cn.qingtian.portal;

import org.springframework.test.context.TestPropertySource;

/**
 * Base of the API tests that see what each request really costs the server: no response cache
 * (every answer is worked out, its statements reach the database), and at most 2 requests in flight
 * (InFlightLimitTest fills them; the others send one request at a time). They share the database
 * and one Spring context.
 */
@TestPropertySource(
    properties = {"portal.api.response-cache.enabled=false", "portal.http.max-in-flight=2"})
public abstract class UncachedAnswers extends SharedDatabase {}

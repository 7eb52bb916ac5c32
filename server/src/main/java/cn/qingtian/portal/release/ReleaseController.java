package cn.qingtian.portal.release;

import org.springframework.graphql.data.method.annotation.ContextValue;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The {@code currentRelease} query. */
@Controller
class ReleaseController {

  @QueryMapping
  Release currentRelease(@ContextValue(name = "release") Release release) {
    return release;
  }
}

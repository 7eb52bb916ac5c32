/** The static progress site: GraphQL documents, page models and jte templates. */
@NullMarked
package cn.qingtian.site;

import org.jspecify.annotations.NullMarked;

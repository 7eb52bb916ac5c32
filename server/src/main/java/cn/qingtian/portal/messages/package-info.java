/**
 * The words the portal sends to people (refusals and errors), kept in a resource bundle; a leaf
 * package that imports no other package of the portal, so every package may use it.
 */
@NullMarked
package cn.qingtian.portal.messages;

import org.jspecify.annotations.NullMarked;

/**
 * Dataset downloads: every public table of a release as files, their catalogue and their routes.
 */
@NullMarked
package cn.qingtian.portal.download;

import org.jspecify.annotations.NullMarked;

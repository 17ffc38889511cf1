/**
 * The ZeroMQ side: jjava's connection with shell and control channels that verify HMAC-SHA256 signatures
 * and drop forged or malformed messages instead of dying on them.
 */
package org.foolshap.kernel.protocol;

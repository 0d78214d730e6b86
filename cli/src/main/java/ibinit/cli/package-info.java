/** The command-line front end ({@code bin/ibinit}): picocli commands, one class each. */
package ibinit.cli;

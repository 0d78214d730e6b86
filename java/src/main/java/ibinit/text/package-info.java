/** Text for people: numbers as they write them ({@link ibinit.text.Numbers}). Depends on nothing else in ibinit. */
package ibinit.text;

/** Text for people: numbers as they write them ({@link ibinit.text.Numbers}), named choices ({@link ibinit.text.Choices}). Depends on nothing else in ibinit. */
package ibinit.text;

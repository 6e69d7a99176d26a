/**
 * What request-matching hands the what-if runner (the simulator, in a process of its own) and what it answers: the
 * coordinator's changed settings, the region's settings of today, and the measures of each policy. JSON on the
 * runner's standard input and output; defined once here because neither side may depend on the other.
 */
package nl.adempauze.contracts.whatif;

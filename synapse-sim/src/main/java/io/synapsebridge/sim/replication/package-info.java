/**
 * The writer's side of TCP replication as Synapse v1.66's main process speaks it: a port where replication clients
 * learn each stream's position, announced only once every row at or below it has committed.
 */
package io.synapsebridge.sim.replication;

package io.synapsebridge.contract;

/** Topic names of one deployment, all under one prefix. */
public record StreamTopics(String prefix) {

    public StreamTopics {
        if (prefix == null || !prefix.matches("[A-Za-z0-9._-]{1,200}")) {
            throw new IllegalArgumentException("invalid topic prefix '" + prefix + "' (letters, digits, '.', '_', '-')");
        }
    }

    /** {@code <prefix>.stream.<stream>}: one partition, records in token order. */
    public String stream(String stream) {
        return prefix + ".stream." + StreamNames.requireValid(stream);
    }

    /** {@code <prefix>.commands}: commands that workers sent (USER_SYNC, USER_IP, ...). */
    public String commands() {
        return prefix + ".commands";
    }

    /** {@code <prefix>.deadletter}: captured changes that could not be mapped, with the reason. */
    public String deadLetter() {
        return prefix + ".deadletter";
    }

    /** {@code <prefix>.capture.state}: capture's checkpoint, written with the records it describes (compacted). */
    public String captureState() {
        return prefix + ".capture.state";
    }

    /** {@code <prefix>.capture.offsets}: Debezium's source offsets. */
    public String captureOffsets() {
        return prefix + ".capture.offsets";
    }

    /** The stream name of a stream topic of this prefix, or null if the topic is not one. */
    public String streamOf(String topic) {
        String head = prefix + ".stream.";
        return topic.startsWith(head) ? topic.substring(head.length()) : null;
    }
}

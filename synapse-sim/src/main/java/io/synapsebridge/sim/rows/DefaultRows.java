package io.synapsebridge.sim.rows;

import io.synapsebridge.sim.id.Stream;

/** The row writer used for each stream when the caller does not bring its own. */
public final class DefaultRows {
    private DefaultRows() {
    }

    public static RowWriter forStream(Stream stream) {
        return switch (stream) {
            case EVENTS -> EventRows.live();
            case BACKFILL -> EventRows.backfilled();
            case PRESENCE -> new PresenceRows();
            case RECEIPTS -> new ReceiptRows();
            case ACCOUNT_DATA -> new AccountDataRows();
            case TO_DEVICE -> new ToDeviceRows();
            case CACHES -> new CacheInvalidations();
            case PUSH_RULES -> new PushRuleRows();
            case PUSHERS -> new PusherRows();
            case DEVICE_LISTS -> new DeviceListRows();
        };
    }
}

/// What the supervising officer is called where the desk names her: the Superintendent of Police
/// (SP) of a district, or the Deputy Commissioner of Police (DCP) where a police commissionerate
/// works (Indore and Bhopal since 2021). A setting of the store, changed by the admin; the strings
/// write `{sup}` (short) and `{supLong}` (the Hindi title in full) where it goes.
public enum SupervisorTitle: String, Choice {
    case sp, dcp
    public static let listKey = "supervisorTitle"
}

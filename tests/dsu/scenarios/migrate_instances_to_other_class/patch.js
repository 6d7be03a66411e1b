// Guests become Users with the "guest" role: Guest is removed and its live instances are
// mapped to User (fields copied by name, then the closure fills in the rest).
module.exports = function (dsu) {
  dsu.removeClass("Guest");
  dsu.migrateInstancesTo("Guest", "User", (oldGuest, user) => {
    user.email = `${oldGuest.name}@guests.example.org`;
    user.role = `guest/${oldGuest.visits}`;
  });
};

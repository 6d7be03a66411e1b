// Static fields and methods are inherited by subclasses; `this` follows the receiver.
class Model {
  static table = "models";
  static create(...args) {
    return new this(...args);
  }
  static tableName() {
    return this.table;
  }
}
class User extends Model {
  static table = "users";
  constructor(name) {
    super();
    this.name = name;
  }
}
class Post extends Model {}

const u = User.create("ann");
console.log(u instanceof User, u.name); // expect: true ann
console.log(User.tableName(), Post.tableName(), Model.tableName()); // expect: users models models
console.log(Post.create() instanceof Post); // expect: true
console.log(Post.table); // expect: models
Model.table = "base";
console.log(Post.table, User.table); // expect: base users

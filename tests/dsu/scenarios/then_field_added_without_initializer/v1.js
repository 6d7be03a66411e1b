// Game players; v2 tracks the last move of each player, assigned only when a player moves.
// The differ cannot invent a value for live players: it is undefined (a REVIEW line).
class Player {
  constructor(name) {
    this.name = name;
    this.score = 0;
  }

  win(points) {
    this.score += points;
  }
}

const players = [new Player("ada"), new Player("bo")];
players[0].win(3);
console.log(players.map((p) => `${p.name}=${p.score}`).join(" "));

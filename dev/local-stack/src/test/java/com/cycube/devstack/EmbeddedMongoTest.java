package com.cycube.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.changestream.ChangeStreamDocument;
import java.nio.file.Path;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @Test
    void answers_a_ping_on_a_random_port() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(mongo.port()).isPositive();
            Document pong = client.getDatabase("admin").runCommand(new Document("ping", 1));
            assertThat(pong.get("ok", Number.class).intValue()).isEqualTo(1);
        }
    }

    @Test
    void a_persistent_store_keeps_documents_across_restarts(@TempDir Path dir) {
        Path file = dir.resolve("data").resolve("mongo.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            client.getDatabase("cycube-identity").getCollection("users").insertOne(new Document("_id", "u1"));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.persistent(file, 0);
             MongoClient client = MongoClients.create(mongo.connectionString())) {
            assertThat(client.getDatabase("cycube-identity").getCollection("users").countDocuments()).isEqualTo(1);
            assertThat(mongo.file()).contains(file);
        }
    }

    @Test
    void change_streams_see_inserts_because_the_oplog_is_on() {
        try (EmbeddedMongo mongo = EmbeddedMongo.inMemory(0);
             MongoClient client = MongoClients.create(mongo.uri("cycube-catalog"))) {
            MongoCollection<Document> courses = client.getDatabase("cycube-catalog").getCollection("courses");
            try (MongoCursor<ChangeStreamDocument<Document>> changes = courses.watch().cursor()) {
                courses.insertOne(new Document("_id", "c1").append("title", "Phishing 101"));
                ChangeStreamDocument<Document> change = changes.next();
                assertThat(change.getFullDocument()).containsEntry("title", "Phishing 101");
            }
        }
    }
}

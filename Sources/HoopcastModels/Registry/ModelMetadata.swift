import Foundation
import HoopcastCore

/// What `training/train.py` records next to a model (`<stem>.meta.json`): the market, the feature set and column
/// order the model reads, the walk-forward training window, the parameters and the measured error.
public struct ModelMetadata: Sendable, Hashable, Codable {
    /// CatBoost's fitting parameters.
    public struct Parameters: Sendable, Hashable, Codable {
        /// Boosting iterations (trees).
        public var iterations: Int
        /// Depth of each (oblivious) tree.
        public var depth: Int
        /// Learning rate.
        public var learningRate: Double
        /// Loss function, e.g. `RMSE`.
        public var lossFunction: String
        /// Random seed.
        public var randomSeed: Int

        /// Creates a parameter set.
        public init(iterations: Int, depth: Int, learningRate: Double, lossFunction: String, randomSeed: Int) {
            self.iterations = iterations
            self.depth = depth
            self.learningRate = learningRate
            self.lossFunction = lossFunction
            self.randomSeed = randomSeed
        }

        enum CodingKeys: String, CodingKey {
            case iterations, depth, learningRate = "learning_rate", lossFunction = "loss_function"
            case randomSeed = "random_seed"
        }
    }

    /// The market the model predicts.
    public var market: Market
    /// What it predicts: the stat, or the stat minus the line (``ModelTarget/actual`` when the file does not say).
    public var target: ModelTarget
    /// The feature-set version of its inputs (must equal ``Feature/version`` to be used).
    public var featureVersion: String
    /// Feature names in the model's column order.
    public var features: [String]
    /// First game date of the training rows.
    public var trainedFrom: GameDate
    /// Last game date of the training rows.
    public var trainedThrough: GameDate
    /// The first date NOT used for fitting: every training row is dated before it. The model may serve this date
    /// and later ones (the walk-forward rule).
    public var trainUntilExclusive: GameDate
    /// Rows the model was fitted on.
    public var trainRows: Int
    /// Rows from ``trainUntilExclusive`` on in the exported range, on which ``testMAE`` is measured.
    public var testRows: Int
    /// Mean absolute error on the training rows (in sample; stat units).
    public var trainMAE: Double
    /// Mean absolute error on the rows from ``trainUntilExclusive`` on (out of sample; stat units); nil without
    /// such rows.
    public var testMAE: Double?
    /// The catboost version that fitted the model.
    public var catboostVersion: String
    /// The fitting parameters.
    public var parameters: Parameters

    /// Reads a `.meta.json` file; errors name the file.
    public init(contentsOf url: URL) throws(ModelRegistryError) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw ModelRegistryError(.malformedMetadata, path: url.path, "cannot read: \(error.localizedDescription)")
        }
        do {
            self = try JSONDecoder().decode(ModelMetadata.self, from: data)
        } catch {
            throw ModelRegistryError(.malformedMetadata, path: url.path, "not valid model metadata: \(error)")
        }
    }

    /// The model's identifier, `<market>@<train-until>` (`residual/<market>@<train-until>` for a residual model),
    /// e.g. `points@2023-10-01`.
    public var id: String {
        (target.folder.map { "\($0)/" } ?? "") + "\(market.rawValue)@\(trainUntilExclusive)"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        market = try container.decode(Market.self, forKey: .market)
        target = try container.decodeIfPresent(ModelTarget.self, forKey: .target) ?? .actual
        featureVersion = try container.decode(String.self, forKey: .featureVersion)
        features = try container.decode([String].self, forKey: .features)
        trainedFrom = try container.decode(GameDate.self, forKey: .trainedFrom)
        trainedThrough = try container.decode(GameDate.self, forKey: .trainedThrough)
        trainUntilExclusive = try container.decode(GameDate.self, forKey: .trainUntilExclusive)
        trainRows = try container.decode(Int.self, forKey: .trainRows)
        testRows = try container.decode(Int.self, forKey: .testRows)
        trainMAE = try container.decode(Double.self, forKey: .trainMAE)
        testMAE = try container.decodeIfPresent(Double.self, forKey: .testMAE)
        catboostVersion = try container.decode(String.self, forKey: .catboostVersion)
        parameters = try container.decode(Parameters.self, forKey: .parameters)
    }

    enum CodingKeys: String, CodingKey {
        case market, target, featureVersion = "feature_version", features, trainedFrom = "trained_from"
        case trainedThrough = "trained_through", trainUntilExclusive = "train_until_exclusive"
        case trainRows = "train_rows", testRows = "test_rows", trainMAE = "train_mae", testMAE = "test_mae"
        case catboostVersion = "catboost_version", parameters
    }
}
